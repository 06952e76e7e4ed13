await keyhub.acs.users.get({
  acs_user_id: "7b5a1e84-9d2c-4f63-a8e1-3c6b0f7d2e98",
});
