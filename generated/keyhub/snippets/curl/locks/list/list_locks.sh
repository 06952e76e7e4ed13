curl --include --request POST "https://api.keyhub.example/locks/list" \
  --header "Authorization: Bearer $KEYHUB_API_KEY"
