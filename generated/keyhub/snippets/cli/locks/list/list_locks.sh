keyhub locks list
