curl --include --request POST "https://api.keyhub.example/acs/users/get" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "acs_user_id": "7b5a1e84-9d2c-4f63-a8e1-3c6b0f7d2e98"
}
EOF
