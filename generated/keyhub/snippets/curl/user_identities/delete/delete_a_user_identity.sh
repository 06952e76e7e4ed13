curl --include --request POST "https://api.keyhub.example/user_identities/delete" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "user_identity_id": "a8d31c6e-2f90-4b75-8e14-5c7b9d0a3f26"
}
EOF
