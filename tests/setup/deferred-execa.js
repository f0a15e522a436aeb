module.exports = require("./deferred-sdk-dependency")("execa");
