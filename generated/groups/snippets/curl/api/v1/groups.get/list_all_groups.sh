curl 'https://localhost/api/v1/groups' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>'
