keyhub.spaces.list(search: "Harbor", limit: 10)
