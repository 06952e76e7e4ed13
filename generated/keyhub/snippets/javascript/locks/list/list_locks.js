await keyhub.locks.list();
