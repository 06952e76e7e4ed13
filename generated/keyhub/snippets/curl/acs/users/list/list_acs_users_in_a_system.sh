curl --include --request POST "https://api.keyhub.example/acs/users/list" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "acs_system_id": "9c0d3e6b-2a71-4f58-b4e9-61a8d2c7f035"
}
EOF
