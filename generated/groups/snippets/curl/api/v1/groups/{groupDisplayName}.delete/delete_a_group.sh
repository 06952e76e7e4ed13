curl -X DELETE 'https://localhost/api/v1/groups/MyGroup' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>'
