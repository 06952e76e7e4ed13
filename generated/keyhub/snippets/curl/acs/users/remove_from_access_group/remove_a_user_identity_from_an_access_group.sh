curl --include --request POST "https://api.keyhub.example/acs/users/remove_from_access_group" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "user_identity_id": "e2f47a19-5c8d-4b3e-9a61-0d7c2b5e8f43",
  "acs_access_group_id": "2e8c5b0f-4a17-4d39-bc62-8f1e7a3d5c04"
}
EOF
