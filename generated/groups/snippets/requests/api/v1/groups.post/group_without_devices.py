import requests

response = requests.post(
    "https://localhost/api/v1/groups",
    cookies={"PHPSESSID": "<PHPSESSID>"},
    json={"displayName": "Empty", "devices": []},
)
print(response.status_code, response.text)
