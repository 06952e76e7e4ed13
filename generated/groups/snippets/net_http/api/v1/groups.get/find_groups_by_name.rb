require "net/http"

uri = URI("https://localhost/api/v1/groups?search=Ware")
request = Net::HTTP::Get.new(uri)
request["Cookie"] = "PHPSESSID=<PHPSESSID>"

http = Net::HTTP.new(uri.host, uri.port)
http.use_ssl = uri.scheme == "https"
response = http.request(request)
puts response.code, response.body
