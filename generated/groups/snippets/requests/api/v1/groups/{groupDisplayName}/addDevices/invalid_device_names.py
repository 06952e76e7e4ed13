import requests

response = requests.post(
    "https://localhost/api/v1/groups/MyGroup/addDevices",
    cookies={"PHPSESSID": "<PHPSESSID>"},
    json=["device-xyz"],
)
print(response.status_code, response.text)
