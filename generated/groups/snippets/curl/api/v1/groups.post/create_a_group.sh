curl -X POST 'https://localhost/api/v1/groups' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>' \
  -H 'Content-Type: application/json' \
  -d '{
  "displayName": "Lobby",
  "description": "Kiosks by the entrance",
  "devices": ["device-01", "device-02"]
}'
