await keyhub.spaces.list();
