// Click-to-load videos: a YouTube or Vimeo video is shown as a picture stored in the site and a
// "Play video" button. Nothing is loaded from the video website until the button is pressed;
// then the privacy-enhanced player replaces the picture and gets the keyboard focus.
// Without JavaScript the button stays hidden and the "Watch on ..." link is the way to the video.
(function () {
  'use strict';
  if (window.signpostVideo) return;
  window.signpostVideo = true;

  function allowedEmbed(address) {
    try {
      var url = new URL(address);
      return url.protocol === 'https:' &&
        (url.hostname === 'www.youtube-nocookie.com' || url.hostname === 'player.vimeo.com');
    } catch (e) {
      return false;
    }
  }

  function play(placeholder) {
    var address = placeholder.getAttribute('data-video-embed');
    if (!address || !allowedEmbed(address)) return;
    var frame = document.createElement('iframe');
    frame.src = address;
    frame.title = placeholder.getAttribute('data-video-title') || '';
    frame.width = '640';
    frame.height = '360';
    frame.setAttribute('allow', 'autoplay; encrypted-media; fullscreen; picture-in-picture');
    frame.setAttribute('allowfullscreen', '');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    placeholder.textContent = '';
    placeholder.appendChild(frame);
    placeholder.classList.add('video-playing');
    frame.focus();
  }

  function start() {
    var placeholders = document.querySelectorAll('.video-placeholder[data-video-embed]');
    Array.prototype.forEach.call(placeholders, function (placeholder) {
      var button = placeholder.querySelector('.video-play');
      if (!button) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        play(placeholder);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
