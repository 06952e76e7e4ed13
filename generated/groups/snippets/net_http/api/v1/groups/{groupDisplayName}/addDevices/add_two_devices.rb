require "json"
require "net/http"

uri = URI("https://localhost/api/v1/groups/MyGroup/addDevices")
request = Net::HTTP::Post.new(uri)
request["Cookie"] = "PHPSESSID=<PHPSESSID>"
request["Content-Type"] = "application/json"
request.body = JSON.generate(["device-04", "device-05"])

http = Net::HTTP.new(uri.host, uri.port)
http.use_ssl = uri.scheme == "https"
response = http.request(request)
puts response.code, response.body
