$keyhub->user_identities->list();
