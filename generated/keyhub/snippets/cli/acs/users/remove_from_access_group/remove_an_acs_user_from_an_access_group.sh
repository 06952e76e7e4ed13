keyhub acs users remove-from-access-group --acs_user_id "7b5a1e84-9d2c-4f63-a8e1-3c6b0f7d2e98" --acs_access_group_id "2e8c5b0f-4a17-4d39-bc62-8f1e7a3d5c04"
