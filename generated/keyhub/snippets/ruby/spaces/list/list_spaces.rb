keyhub.spaces.list()
