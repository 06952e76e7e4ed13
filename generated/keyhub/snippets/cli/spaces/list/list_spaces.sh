keyhub spaces list
