import requests

response = requests.delete(
    "https://localhost/api/v1/groups/MyGroup/removeDevices",
    cookies={"PHPSESSID": "<PHPSESSID>"},
    json=["device-xyz"],
)
print(response.status_code, response.text)
