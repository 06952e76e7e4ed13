curl --include --request POST "https://api.keyhub.example/spaces/list" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "search": "Harbor",
  "limit": 10
}
EOF
