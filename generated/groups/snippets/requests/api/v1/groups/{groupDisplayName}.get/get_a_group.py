import requests

response = requests.get(
    "https://localhost/api/v1/groups/MyGroup",
    cookies={"PHPSESSID": "<PHPSESSID>"},
)
print(response.status_code, response.text)
