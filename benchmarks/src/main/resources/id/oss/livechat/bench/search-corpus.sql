-- The search scenario's corpus: :sessions closed chats of :per messages each, spread over the
-- last 180 days and over the departments :departments, with contacts for seven in ten, every fifth
-- chat ending in a staff-only note. The words are those of the OSS help desk: licences (a few
-- asked about all the time, many rarely), KBLI codes, NIB numbers, cities, sectors, names,
-- companies, agencies, e-mail addresses. Messages go in in time order, so a chat's messages lie
-- between other chats' as they would on a busy desk. Runs as one script on one connection (temp
-- functions and tables).
CREATE TEMP TABLE gen_dept AS
SELECT id, n::int AS n FROM unnest(CAST(:departments AS uuid[])) WITH ORDINALITY AS d(id, n);

CREATE FUNCTION pg_temp.pick(a text[]) RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT a[1 + floor(random() * array_length(a, 1))::int] $$;
-- the first of the list is picked most often: how often people ask about things
CREATE FUNCTION pg_temp.zipf(a text[]) RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT a[1 + floor(power(random(), 2.5) * array_length(a, 1))::int] $$;
CREATE FUNCTION pg_temp.fill(t text) RETURNS text LANGUAGE sql VOLATILE AS $$
SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t,
  '{lic}', pg_temp.zipf(ARRAY['NIB','PKKPR','PBG','sertifikat standar','izin edar','SLF','sertifikat halal','AMDAL','UKL-UPL','SPPL','izin lokasi','izin operasional','TDUP','izin usaha','persetujuan lingkungan','izin impor','API-U','SIUP','TDP','izin praktik'])),
  '{city}', pg_temp.zipf(ARRAY['Jakarta','Surabaya','Bandung','Medan','Semarang','Makassar','Palembang','Tangerang','Depok','Bekasi','Bogor','Batam','Pekanbaru','Malang','Padang','Denpasar','Samarinda','Banjarmasin','Pontianak','Manado','Yogyakarta','Solo','Balikpapan','Jambi','Cirebon','Mataram','Kupang','Ambon','Jayapura','Sorong','Ternate','Palu','Kendari','Gorontalo','Bengkulu','Lampung','Serang','Cilegon','Tasikmalaya','Kediri'])),
  '{kbli}', lpad((10000 + floor(power(random(), 3) * 89999))::int::text, 5, '0')),
  '{nib}', (1000000000000 + floor(random() * 8999999999999))::bigint::text),
  '{n}', (1 + floor(random() * 30))::int::text),
  '{sector}', pg_temp.zipf(ARRAY['restoran','perdagangan eceran','konstruksi gedung','perikanan tangkap','pertanian padi','angkutan darat','klinik pratama','toko kelontong','kafe','bengkel motor','salon','laundry','percetakan','peternakan ayam','jasa konsultan','gudang','hotel','homestay','apotek','minimarket'])),
  '{name}', pg_temp.pick(ARRAY['Budi','Siti','Agus','Dewi','Rina','Andi','Wahyu','Putri','Hendra','Yuni','Joko','Sri','Rudi','Ayu','Bambang','Indah','Fajar','Lestari','Dimas','Nur'])
           || ' ' || pg_temp.pick(ARRAY['Santoso','Wijaya','Saputra','Hidayat','Pratama','Lestari','Kusuma','Setiawan','Nugroho','Rahayu','Siregar','Harahap','Sitompul','Wibowo','Gunawan','Halim','Susanto','Permana','Utami','Sembiring'])),
  '{company}', 'PT ' || pg_temp.pick(ARRAY['Sinar','Maju','Karya','Bumi','Cahaya','Mitra','Sentosa','Abadi','Jaya','Mulia','Prima','Bintang','Harapan','Sejahtera','Makmur','Nusantara'])
           || ' ' || pg_temp.pick(ARRAY['Jaya','Abadi','Makmur','Sentosa','Perkasa','Mandiri','Utama','Lestari','Sejahtera','Gemilang','Bersama','Persada'])),
  '{agency}', pg_temp.zipf(ARRAY['DPMPTSP','Kementerian Perdagangan','Kementerian Kesehatan','BPOM','Kementerian PUPR','Kementerian ATR/BPN','Dinas Lingkungan Hidup','BKPM','Kementerian Perindustrian'])),
  '{email}', lower(pg_temp.pick(ARRAY['budi','siti','agus','dewi','rina','andi','wahyu','putri'])) || floor(random() * 10000)::int || '@' || pg_temp.pick(ARRAY['gmail.com','yahoo.co.id','mail.com','perusahaan.co.id']))
$$;

CREATE TEMP TABLE gen_visitor (t text);
INSERT INTO gen_visitor VALUES
 ('Selamat pagi, saya mau tanya soal {lic} untuk usaha {sector} saya di {city}'),
 ('NIB saya {nib} belum terbit sudah {n} hari, bagaimana ya?'),
 ('Bagaimana cara mengubah KBLI {kbli} menjadi KBLI {kbli}?'),
 ('Saya sudah unggah dokumen {lic} tapi statusnya masih menunggu verifikasi'),
 ('Akun OSS saya tidak bisa login, email saya {email}'),
 ('Apakah usaha {sector} perlu {lic}?'),
 ('Terima kasih atas bantuannya'),
 ('Perusahaan saya {company} mau menambah bidang usaha {sector}'),
 ('Lokasi usaha saya di {city}, apakah perlu PKKPR dulu sebelum PBG?'),
 ('Halo, permohonan {lic} saya ditolak oleh {agency}, alasannya apa ya?'),
 ('Kenapa di sistem muncul pesan error saat memilih KBLI {kbli}?'),
 ('Saya lupa password akun OSS, sudah coba reset tapi email tidak masuk'),
 ('Berapa lama proses {lic} di {city}?'),
 ('Apakah {lic} bisa diurus untuk {company}?'),
 ('Baik, saya coba dulu'),
 ('Data NIB {nib} atas nama {name} perlu diperbarui alamatnya');
CREATE TEMP TABLE gen_agent (t text);
INSERT INTO gen_agent VALUES
 ('Selamat pagi Bapak/Ibu {name}, terima kasih telah menghubungi layanan OSS'),
 ('Untuk perubahan KBLI silakan masuk ke menu Perubahan Data Usaha'),
 ('Mohon ditunggu, kami cek data NIB {nib} terlebih dahulu'),
 ('Persyaratan {lic} untuk usaha {sector} dapat dilihat di laman oss.go.id'),
 ('Status permohonan Anda saat ini sedang diverifikasi oleh {agency}'),
 ('Silakan reset kata sandi melalui tautan lupa password di halaman masuk'),
 ('Apakah ada yang bisa kami bantu lagi?'),
 ('KBLI {kbli} termasuk risiko menengah tinggi sehingga memerlukan sertifikat standar'),
 ('Untuk lokasi di {city} PKKPR diterbitkan oleh {agency}'),
 ('Dokumen {lic} Anda sudah kami teruskan ke {agency}, mohon menunggu 3 hari kerja'),
 ('Baik, terima kasih. Chat ini kami tutup ya');
CREATE TEMP TABLE gen_s AS
SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS user_id,
       (SELECT id FROM gen_dept WHERE n = 1 + (i % (SELECT count(*) FROM gen_dept))) AS dept,
       now() - (random() * interval '180 days') AS started
  FROM generate_series(1, :sessions) i;
INSERT INTO chat_users (id, browser_uuid) SELECT user_id, gen_random_uuid() FROM gen_s;
INSERT INTO chat_sessions (id, chat_user_id, department_id, topic, status, visitor_token_hash,
                           started_at, queued_at, assigned_at, ended_at, close_reason, last_seq)
SELECT id, user_id, dept,
       pg_temp.zipf(ARRAY['Pendaftaran NIB','Perizinan berusaha','Perubahan data usaha','Akun dan login OSS','Pengaduan layanan','Lainnya']),
       'closed', sha256(convert_to(id::text, 'UTF8')), started, started, started + interval '1 minute',
       started + interval '20 minutes', 'resolved', :per
  FROM gen_s;
INSERT INTO chat_session_contacts (session_id, contact_name, contact_email, company_name)
SELECT id, pg_temp.fill('{name}'), pg_temp.fill('{email}'), pg_temp.fill('{company}') FROM gen_s WHERE i % 10 < 7;
INSERT INTO chat_messages (session_id, seq, client_msg_id, sender_type, sender_name, body, sent_at, internal)
SELECT s.id, k, 'g' || k, CASE WHEN k % 2 = 1 THEN 'visitor' ELSE 'agent' END, NULL,
       pg_temp.fill(CASE WHEN k % 2 = 1 THEN pg_temp.pick((SELECT array_agg(t) FROM gen_visitor))
                         ELSE pg_temp.pick((SELECT array_agg(t) FROM gen_agent)) END),
       s.started + k * interval '1 minute', k = :per AND s.i % 5 = 0
  FROM gen_s s, generate_series(1, :per) k ORDER BY s.started + k * interval '1 minute';
DROP TABLE gen_s;
DROP TABLE gen_dept, gen_visitor, gen_agent;
