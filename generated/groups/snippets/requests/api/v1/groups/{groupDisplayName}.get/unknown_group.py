import requests

response = requests.get(
    "https://localhost/api/v1/groups/Lobby-Old",
    cookies={"PHPSESSID": "<PHPSESSID>"},
)
print(response.status_code, response.text)
