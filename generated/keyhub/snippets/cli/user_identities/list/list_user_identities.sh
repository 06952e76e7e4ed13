keyhub user-identities list
