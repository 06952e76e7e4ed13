keyhub.user_identities.get(user_identity_id: "e2f47a19-5c8d-4b3e-9a61-0d7c2b5e8f43")
