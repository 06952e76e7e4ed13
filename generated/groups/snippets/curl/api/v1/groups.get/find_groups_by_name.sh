curl 'https://localhost/api/v1/groups?search=Ware' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>'
