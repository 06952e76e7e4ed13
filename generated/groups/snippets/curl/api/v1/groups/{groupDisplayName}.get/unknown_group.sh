curl 'https://localhost/api/v1/groups/Lobby-Old' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>'
