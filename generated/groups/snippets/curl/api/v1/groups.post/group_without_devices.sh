curl -X POST 'https://localhost/api/v1/groups' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>' \
  -H 'Content-Type: application/json' \
  -d '{"displayName": "Empty", "devices": []}'
