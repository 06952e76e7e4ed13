import requests

response = requests.post(
    "https://localhost/api/v1/groups",
    cookies={"PHPSESSID": "<PHPSESSID>"},
    json={
        "displayName": "Lobby",
        "description": "Kiosks by the entrance",
        "devices": ["device-01", "device-02"],
    },
)
print(response.status_code, response.text)
