keyhub.locks.list()
