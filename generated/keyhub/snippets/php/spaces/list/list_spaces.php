$keyhub->spaces->list();
