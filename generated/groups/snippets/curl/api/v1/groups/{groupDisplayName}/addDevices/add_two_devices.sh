curl -X POST 'https://localhost/api/v1/groups/MyGroup/addDevices' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>' \
  -H 'Content-Type: application/json' \
  -d '["device-04", "device-05"]'
