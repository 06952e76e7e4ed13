curl --include --request POST "https://api.keyhub.example/user_identities/list" \
  --header "Authorization: Bearer $KEYHUB_API_KEY"
