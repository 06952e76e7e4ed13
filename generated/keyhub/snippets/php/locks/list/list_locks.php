$keyhub->locks->list();
