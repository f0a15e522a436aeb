module.exports = require("./deferred-sdk-dependency")("@npmcli/arborist");
