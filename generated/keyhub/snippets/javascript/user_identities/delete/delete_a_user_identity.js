await keyhub.userIdentities.delete({
  user_identity_id: "a8d31c6e-2f90-4b75-8e14-5c7b9d0a3f26",
});
