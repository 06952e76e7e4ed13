curl --include --request POST "https://api.keyhub.example/locks/get" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "device_id": "4a9f2c7e-1d3b-4e85-b6a0-7c2d9e1f3b54"
}
EOF
