curl --include --request POST "https://api.keyhub.example/user_identities/revoke_access_to_device" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "user_identity_id": "e2f47a19-5c8d-4b3e-9a61-0d7c2b5e8f43",
  "device_id": "c53e8b1a-7f24-4d96-8a0b-2e6c4f9d1a37"
}
EOF
