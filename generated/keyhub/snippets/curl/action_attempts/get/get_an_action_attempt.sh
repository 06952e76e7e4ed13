curl --include --request POST "https://api.keyhub.example/action_attempts/get" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "action_attempt_id": "f0a6c3d9-8e21-4b57-a3c4-6d9e2b1f8a50"
}
EOF
