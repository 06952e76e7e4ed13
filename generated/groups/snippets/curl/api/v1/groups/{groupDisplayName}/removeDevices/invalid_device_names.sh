curl -X DELETE 'https://localhost/api/v1/groups/MyGroup/removeDevices' \
  -H 'Cookie: PHPSESSID=<PHPSESSID>' \
  -H 'Content-Type: application/json' \
  -d '["device-xyz"]'
