curl --include --request POST "https://api.keyhub.example/acs/users/create" \
  --header "Authorization: Bearer $KEYHUB_API_KEY" \
  --json @- <<EOF
{
  "acs_system_id": "9c0d3e6b-2a71-4f58-b4e9-61a8d2c7f035",
  "full_name": "Avery Lindqvist",
  "email_address": "avery.lindqvist@example.com",
  "user_identity_id": "e2f47a19-5c8d-4b3e-9a61-0d7c2b5e8f43",
  "access_schedule": {
    "starts_at": "2025-05-01T15:00:00.000Z",
    "ends_at": "2025-05-08T11:00:00.000Z"
  }
}
EOF
