curl --include --request POST "https://api.keyhub.example/spaces/get" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "space_id": "8d2c4e1f-3a5b-4c6d-9e7f-0a1b2c3d4e5f"
}
EOF
