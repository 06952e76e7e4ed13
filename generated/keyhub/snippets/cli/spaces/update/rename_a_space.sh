keyhub spaces update --space_id "1b7e9a30-6c52-4f18-a0d4-93e2c5b7f861" --name "Ground Floor Lobby"
