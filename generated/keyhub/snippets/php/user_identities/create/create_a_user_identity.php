$keyhub->user_identities->create(
    full_name: "Avery Lindqvist",
    email_address: "avery.lindqvist@example.com",
    phone_number: "+15555550123",
    user_identity_key: "guest-4471",
);
