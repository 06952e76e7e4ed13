await keyhub.userIdentities.list();
