// 上传与编制页：把选中的或拖入的文件逐个发给 /api/documents，显示进度与结果。
// Text from the server is set with textContent only, never as HTML.
(function () {
  var list = document.getElementById('uploads');
  var tokenField = document.getElementById('token');
  if (tokenField) tokenField.value = sessionStorage.getItem('yusuan-token') || '';
  function typeOf(file) {
    if (file.type) return file.type;
    var name = file.name.toLowerCase();
    if (name.endsWith('.pdf')) return 'application/pdf';
    if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'application/yaml';
    if (name.endsWith('.json')) return 'application/json';
    return 'text/plain';
  }
  function send(file, kind) {
    var item = document.createElement('li');
    item.textContent = file.name + ' — 等待上传';
    list.appendChild(item);
    var request = new XMLHttpRequest();
    request.open('POST', '/api/documents?name=' + encodeURIComponent(file.name) + (kind === 'workbook' ? '&kind=workbook' : ''));
    request.setRequestHeader('Content-Type', typeOf(file));
    var token = tokenField ? tokenField.value : '';
    if (token) { sessionStorage.setItem('yusuan-token', token); request.setRequestHeader('Authorization', 'Bearer ' + token); }
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) item.textContent = file.name + ' — 上传 ' + Math.round(event.loaded / event.total * 100) + '%';
    };
    request.upload.onload = function () { item.textContent = file.name + ' — 正在读取和审核…'; };
    request.onload = function () {
      var body;
      try { body = JSON.parse(request.responseText); } catch (e) { body = { error: request.statusText }; }
      item.textContent = '';
      if (request.status === 200 || request.status === 201) {
        var link = document.createElement('a');
        link.href = body.page;
        link.textContent = body.document.department + ' ' + body.document.year + '年';
        item.appendChild(link);
        item.appendChild(document.createTextNode('（' + file.name + '）— ' + (request.status === 201 ? '已读取并审核' : '文库中已有此文件') +
          '：错误 ' + body.document.errors + '，警告 ' + body.document.warnings + '，提示 ' + body.document.notes));
        item.className = 'ok';
      } else {
        item.textContent = file.name + ' — ' + (body.error || request.statusText);
        item.className = 'failed';
      }
    };
    request.onerror = function () { item.textContent = file.name + ' — 无法连接服务'; item.className = 'failed'; };
    request.send(file);
  }
  document.querySelectorAll('[data-upload]').forEach(function (zone) {
    var kind = zone.getAttribute('data-upload');
    var input = zone.querySelector('input[type=file]');
    input.addEventListener('change', function () { Array.prototype.forEach.call(input.files, function (f) { send(f, kind); }); input.value = ''; });
    zone.addEventListener('dragover', function (event) { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      zone.classList.remove('over');
      Array.prototype.forEach.call(event.dataTransfer.files, function (f) { send(f, kind); });
    });
  });
})();
