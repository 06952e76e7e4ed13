await keyhub.userIdentities.grantAccessToDevice({
  user_identity_id: "e2f47a19-5c8d-4b3e-9a61-0d7c2b5e8f43",
  device_id: "4a9f2c7e-1d3b-4e85-b6a0-7c2d9e1f3b54",
});
