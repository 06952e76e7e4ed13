keyhub.spaces.get(space_id: "8d2c4e1f-3a5b-4c6d-9e7f-0a1b2c3d4e5f")
