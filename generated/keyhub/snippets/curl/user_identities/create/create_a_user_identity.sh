curl --include --request POST "https://api.keyhub.example/user_identities/create" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "full_name": "Avery Lindqvist",
  "email_address": "avery.lindqvist@example.com",
  "phone_number": "+15555550123",
  "user_identity_key": "guest-4471"
}
EOF
