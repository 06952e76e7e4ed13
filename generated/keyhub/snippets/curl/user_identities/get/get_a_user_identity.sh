curl --include --request POST "https://api.keyhub.example/user_identities/get" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "user_identity_id": "e2f47a19-5c8d-4b3e-9a61-0d7c2b5e8f43"
}
EOF
